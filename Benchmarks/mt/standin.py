"""An OpenAI-compatible chat-completions stand-in for the MT benchmark (written for Selaras).

It answers each sentence with its reference translation and plants errors in a fixed share of
them, chosen by a hash of the sentence (so a re-run plants the same ones):
  number  a number of the reference changed (only sentences whose reference has digits)
  half    the reference cut to half its words
  echo    the Indonesian source sent back
A sentence with no reference (the segmenter split it differently) gets "[no reference]" and is
left out of the scores. Every request is logged (sentences, glossary, what was planted) to --log
as JSON lines. The first line printed is the port. Requires the key given in --key as a Bearer token.
"""
import argparse, hashlib, json, re, sys, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

ap = argparse.ArgumentParser()
ap.add_argument("--refs", required=True)
ap.add_argument("--log", required=True)
ap.add_argument("--key", required=True)
a = ap.parse_args()

refs = {}
with open(a.refs, encoding="utf-8") as f:
    for line in f:
        r = json.loads(line)
        refs[r["source"]] = r["target"]
lock = threading.Lock()
log = open(a.log, "a", encoding="utf-8")


def plant(source, reference):
    h = int(hashlib.sha1(source.encode()).hexdigest()[:8], 16) % 10
    if h == 0 and re.search(r"\d", reference):
        # Change the last digit of the first number: 1,250 -> 1,251; 2009 -> 2000.
        m = re.search(r"\d+(?:[.,]\d+)*", reference)
        num = m.group(0)
        last = int(num[-1])
        changed = num[:-1] + str((last + 1) % 10)
        return "number", reference[: m.start()] + changed + reference[m.end():]
    if h == 1:
        words = reference.split()
        if len(words) >= 4:
            return "half", " ".join(words[: len(words) // 2])
    if h == 2:
        return "echo", source
    return "clean", reference


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, obj):
        body = json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        if self.headers.get("Authorization") != f"Bearer {a.key}":
            return self.send(401, {"error": {"message": "bad key"}})
        if not self.path.endswith("/chat/completions"):
            return self.send(404, {"error": {"message": "no such endpoint"}})
        user = json.loads(body["messages"][-1]["content"])
        out, planted = [], []
        for s in user["sentences"]:
            if s in refs:
                kind, text = plant(s, refs[s])
            else:
                kind, text = "noref", "[no reference]"
            out.append(text)
            planted.append(kind)
        with lock:
            log.write(json.dumps({"sentences": user["sentences"], "glossary": user.get("glossary", {}),
                                  "examples": len(user.get("examples", [])), "planted": planted,
                                  "translations": out, "system": body["messages"][0]["content"][:40]},
                                 ensure_ascii=False) + "\n")
            log.flush()
        reply = {"id": "standin", "object": "chat.completion", "model": body.get("model"),
                 "choices": [{"index": 0, "finish_reason": "stop",
                              "message": {"role": "assistant", "content": json.dumps({"translations": out}, ensure_ascii=False)}}]}
        self.send(200, reply)


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
