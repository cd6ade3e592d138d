"""A loopback stand-in for the translation APIs Selaras speaks, for its tests (written for Selaras).

It answers OpenAI chat completions, DeepL v2 translate and v3 glossaries, Google Cloud Translation v3,
Azure Translator v3 and LibreTranslate, on 127.0.0.1 (the port is printed on the first line). The
first path segment picks a behaviour, the rest is the API's own path:

  ok         translate: "EN: <sentence>" (Azure: dynamic-dictionary terms become their translation)
  key        as ok, but 403 unless the request carries the key "rahasia" (header or api_key)
  busy       429 with Retry-After: 0 on the first request, then ok
  flaky      500 on every other request
  slow       answers after 3 s
  garbage    200 with a body that is not JSON
  short      one translation too few, always
  shortonce  one translation too few on the first request, then ok
  echo       returns the sentences unchanged

GET /stats gives the requests seen: counts per behaviour, the last body and headers per behaviour and
API, and every request line. The server stops by itself after 300 s.
"""
import json, os, re, sys, threading, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

counts, last, log = {}, {}, []
glossaries = {}
lock = threading.Lock()
KEY = "rahasia"


def english(s):
    s = re.sub(r'<mstrans:dictionary translation="([^"]*)">[^<]*</mstrans:dictionary>', r"\1", s)
    return "EN: " + s


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, obj, headers=()):
        body = obj if isinstance(obj, bytes) else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        mode, api, _ = self.route()
        if self.path.startswith("/stats"):
            with lock:
                return self.send(200, {"counts": counts, "last": last, "log": log})
        if api == "deepl-glossaries":
            with lock:
                return self.send(200, {"glossaries": [{"glossary_id": g, "name": n} for n, g in glossaries.items()]})
        self.send(404, {"error": "not found"})

    def route(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        mode, rest = parts[0], "/" + "/".join(parts[1:])
        if rest.endswith("/chat/completions"):
            api = "openai"
        elif rest.endswith("/v2/translate"):
            api = "deepl"
        elif rest.endswith("/v3/glossaries"):
            api = "deepl-glossaries"
        elif rest.endswith(":translateText"):
            api = "google"
        elif rest.endswith("/translate"):
            api = "translate"  # Azure or LibreTranslate, told apart by the body
        else:
            api = "?"
        return mode, api, rest

    def authorised(self, api, req):
        auth = self.headers.get("Authorization", "") + self.headers.get("Ocp-Apim-Subscription-Key", "")
        if isinstance(req, dict) and req.get("api_key") == KEY:
            return True
        return KEY in auth

    def do_POST(self):
        mode, api, rest = self.route()
        n = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(n) or b"{}"
        try:
            req = json.loads(raw)
        except Exception:
            return self.send(400, {"error": "body is not JSON"})
        if api == "translate":
            api = "azure" if isinstance(req, list) else "libretranslate"
        with lock:
            counts[mode] = counts.get(mode, 0) + 1
            k = counts[mode]
            last[mode + "/" + api] = {"body": req, "headers": {h: v for h, v in self.headers.items()}, "query": self.path.split("?")[1] if "?" in self.path else ""}
            log.append(mode + " " + api)
        if mode == "key" and not self.authorised(api, req):
            return self.send(403, {"error": "Invalid API key"} if api != "openai" else {"error": {"message": "Incorrect API key provided"}})
        if mode == "busy" and k == 1:
            return self.send(429, {"error": "Slow down"}, [("Retry-After", "0")])
        if mode == "flaky" and k % 2 == 1:
            return self.send(500, {"error": "temporary failure"})
        if mode == "slow":
            time.sleep(3)
        if mode == "garbage":
            return self.send(200, b"<html>oops</html>")
        if api == "deepl-glossaries":
            gid = "g%d" % (len(glossaries) + 1)
            with lock:
                glossaries[req.get("name", "")] = gid
            return self.send(201, {"glossary_id": gid, "name": req.get("name")})
        texts = {"openai": lambda: json.loads(req["messages"][-1]["content"])["sentences"],
                 "deepl": lambda: req["text"], "google": lambda: req["contents"],
                 "azure": lambda: [t["Text"] for t in req], "libretranslate": lambda: req["q"] if isinstance(req["q"], list) else [req["q"]]}
        if api not in texts:
            return self.send(404, {"error": "unknown API " + rest})
        sentences = texts[api]()
        out = list(sentences) if mode == "echo" else [english(s) for s in sentences]
        if mode == "short" or (mode == "shortonce" and k == 1):
            out = out[:-1]
        if api == "openai":
            return self.send(200, {"choices": [{"message": {"role": "assistant", "content": json.dumps({"translations": out})}}]})
        if api == "deepl":
            return self.send(200, {"translations": [{"detected_source_language": "ID", "text": t} for t in out]})
        if api == "google":
            key = "glossaryTranslations" if "glossaryConfig" in req else "translations"
            return self.send(200, {key: [{"translatedText": t} for t in out]})
        if api == "azure":
            return self.send(200, [{"translations": [{"text": t, "to": "en"}]} for t in out])
        return self.send(200, {"translatedText": out})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
print(server.server_address[1], flush=True)
threading.Timer(300, lambda: os._exit(0)).start()
server.serve_forever()
