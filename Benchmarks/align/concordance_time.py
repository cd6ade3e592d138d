"""Times `selaras tm concordance` (whole command) over a store, beside `selaras --version` (the
process start alone) in the same run. Written for Selaras's benchmark."""
import statistics, subprocess, sys, time

selaras, store = sys.argv[1], sys.argv[2]
queries = ["perundingan damai", "serangan", "pemerintah Indonesia", "ditangkap", "Dewan Keamanan", "presiden",
           "bom bunuh diri", "menteri luar negeri", "gempa", "pasukan"]


def run(args):
    t = time.perf_counter()
    subprocess.run([selaras] + args, capture_output=True)
    return time.perf_counter() - t


run(["tm", "concordance", "awal", "--store", store])  # builds the index once, not timed
c, v = [], []
for _ in range(5):
    for q in queries:
        v.append(run(["--version"]))
        c.append(run(["tm", "concordance", q, "--store", store, "--max", "20"]))
med = statistics.median(c) * 1000
print(f"concordance, whole command: median {med:.1f} ms, p90 {sorted(c)[int(len(c) * 0.9)] * 1000:.1f} ms "
      f"({len(c)} queries); the process start alone (selaras --version): {statistics.median(v) * 1000:.1f} ms")
