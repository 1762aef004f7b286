#!/usr/bin/env bash
# Measures cellule at national scale, in one run on one machine, and prints the ratios
# against the targets of docs/performance.md:
#   - `cellule validate` of the national profile vs `cat` of every file   (target <= 2x)
#   - the same vs Python PyYAML CSafeLoader loading the same files         (target >= 10x faster)
#   - peak memory of `cellule validate` vs the bytes on disk               (target <= 3x)
#   - one 500-case département: validate vs `cat` of its files             (for reference)
#   - one 500-case département opened to the first drawn frame vs reading its files (<= 3x)
#   - the situations and agenda screens drawn at 5,000 vs 50 cases          (<= 1.5x)
#   - the minutes of a 30-item meeting and the monthly report of 500 cases (times)
#   - the gain of the second core (the same validate pinned to one core)
#   - four hostile files (4,000 bad agenda items, 8,000 unknown keys, 200,000 `[`,
#     100,000 `{a: `), each validated against a clean file of the same size (<= 2x)
#   - with BASE_BIN=path/to/an/older/cellule: its national validate, wall and CPU, against
#     this one's (the YAML reader's decision in docs/performance.md: <= 1.3x CPU)
#
# Usage: benches/compare.sh            (the national profile: 101 x 500 cases x 24 months)
#   ONLY=hostile benches/compare.sh     (the four hostile files only: no profile, no Python;
#                                        BIN=path/to/cellule measures that binary, unbuilt)
#   RUNS=5 DATA=/tmp/cellule-national DEPTS=101 CASES=500 MONTHS=24 SEED=1 benches/compare.sh
# The profile is generated once into $DATA and reused while its parameters are unchanged.
# Times are medians of $RUNS runs with a warm page cache (each command runs once before).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
PY_RUNS=${PY_RUNS:-3}
DEPTS=${DEPTS:-101}
CASES=${CASES:-500}
MONTHS=${MONTHS:-24}
SEED=${SEED:-1}
DATA=${DATA:-${TMPDIR:-/tmp}/cellule-national}
ONE=${ONE:-01}
export BIN DATA

echo "== build (release)"
ONLY=${ONLY:-}
if [ "$ONLY" = hostile ]; then
  [ -n "${BIN:-}" ] || cargo build --release --quiet --bin cellule
else
  cargo build --release --quiet --example generate --example probe --bin cellule
fi
BIN=${BIN:-target/release/cellule}
GEN=target/release/examples/generate
PROBE=target/release/examples/probe
LIST=$(mktemp)
ONE_LIST=$(mktemp)
PY=$(mktemp --suffix=.py)
trap 'rm -f "$LIST" "$ONE_LIST" "$PY"' EXIT
if [ "$ONLY" != hostile ]; then

marker="departments=$DEPTS cases-per-dept=$CASES months=$MONTHS seed=$SEED"
if [ "$(cat "$DATA/.generated" 2>/dev/null)" != "$marker" ]; then
  echo "== generate $marker into $DATA"
  rm -rf "$DATA"
  "$GEN" --out "$DATA" --departments "$DEPTS" --cases-per-dept "$CASES" --months "$MONTHS" --seed "$SEED"
else
  echo "== reuse $DATA ($marker)"
fi

if ! python3 -c 'import yaml; yaml.CSafeLoader' 2>/dev/null; then
  echo "== install PyYAML (with its C loader)"
  python3 -m pip install --quiet pyyaml || python3 -m pip install --quiet --break-system-packages pyyaml
fi
if [ ! -x /usr/bin/time ]; then
  echo "== install GNU time"
  (apt-get update -qq && apt-get install -y -qq time) >/dev/null
fi

export LIST PY
find "$DATA" -name '*.yaml' -type f -print0 | sort -z >"$LIST"
find "$DATA/$ONE" -name '*.yaml' -type f -print0 | sort -z >"$ONE_LIST"
files=$(tr -cd '\0' <"$LIST" | wc -c)
bytes=$(xargs -0 stat -c %s <"$LIST" | awk '{s += $1} END {print s}')
one_files=$(tr -cd '\0' <"$ONE_LIST" | wc -c)
cat >"$PY" <<'EOF'
import sys, yaml
paths = open(sys.argv[1], "rb").read().split(b"\0")
n = 0
for p in paths:
    if p:
        with open(p, "rb") as f:
            yaml.load(f.read(), Loader=yaml.CSafeLoader)
        n += 1
EOF
fi

# median_ms RUNS command...: runs the command once to warm up, then RUNS times; prints the
# median wall time in milliseconds. The command's output is discarded; a failure stops the script.
median_ms() {
  local runs=$1
  shift
  "$@" >/dev/null 2>&1
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(((t1 - t0) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# cpu_ms command...: user + system CPU time of one run, in milliseconds (children included).
cpu_ms() {
  local out
  out=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$out" bash -c "$(declare -f "$1"); $*" >/dev/null 2>&1 || true
  awk '{printf "%d", ($1 + $2) * 1000}' "$out"
  rm -f "$out"
}

cat_all() { xargs -0 cat <"$1" >/dev/null; }
validate_all() { "$BIN" validate --data "$DATA"; }
validate_one() { "$BIN" validate --data "$DATA" --dept "$ONE"; }
validate_all_one_core() { taskset -c 0 "$BIN" validate --data "$DATA"; }
pyyaml_all() { python3 "$PY" "$LIST"; }

# The hostile files and their clean twins, each alone in a data root with the demo's
# department.yaml.
HOSTILE=$(mktemp -d)
trap 'rm -f "$LIST" "$ONE_LIST" "$PY"; rm -rf "$HOSTILE"' EXIT
python3 - "$HOSTILE" fixtures/demo/49/department.yaml <<'EOF'
import os, sys
out, dept = sys.argv[1], open(sys.argv[2]).read()
case = ("id: 49-2026-099\nbody: cpraf\nkind: person\nlabel: X.Y.\n"
        "reported_on: 2026-10-01\nsource: cnapr\nstatus: reported\n")
meeting = ("id: 2027-01-11-cpraf\nbody: cpraf\ndate: 2027-01-11\nstart: \"14:30\"\n"
           "chair: dircab\nstatus: draft\nattendance: []\nitems:\n")
def items(kind):
    return meeting + "".join(f"  - kind: {kind}\n    title: Point {n}\n" for n in range(4000))
def notes(size):
    text, n = case + "notes: |\n", 0
    while len(text.encode()) < size:
        text += f"  Ligne {n} d'une note tout à fait ordinaire, écrite par le cabinet.\n"
        n += 1
    return text
hostile = {
    "bad-items": ("meetings/2027-01-11-cpraf.yaml", items("nope"), items("topic")),
    "unknown-keys": ("cases/49-2026-099.yaml",
                     case + "".join(f"cle_inconnue_{n}: x\n" for n in range(8000)), None),
    "brackets": ("cases/49-2026-099.yaml", "[" * 200000, None),
    "braces": ("cases/49-2026-099.yaml", "{a: " * 100000, None),
}
for name, (rel, bad, clean) in hostile.items():
    clean = clean or notes(len(bad.encode()))
    for kind, text in (("hostile", bad), ("clean", clean)):
        root = os.path.join(out, name, kind)
        os.makedirs(os.path.join(root, "49", os.path.dirname(rel)), mode=0o750)
        os.chmod(os.path.join(root, "49"), 0o750)
        open(os.path.join(root, "49", "department.yaml"), "w").write(dept)
        open(os.path.join(root, "49", rel), "w").write(text)
EOF
validate_root() { "$BIN" validate --data "$1" || true; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
verdict() { awk -v r="$1" -v t="$2" -v op="$3" 'BEGIN {ok = (op == "le") ? r <= t : r >= t; print ok ? "met" : "NOT met"}'; }
hostile_table() {
  printf '%-34s %9s %12s %12s %8s  %s\n' "hostile file" "bytes" "hostile ms" "clean ms" "ratio" "verdict (<= 2x)"
  for name in bad-items unknown-keys brackets braces; do
    local t_bad t_clean size r
    t_bad=$(median_ms "$RUNS" validate_root "$HOSTILE/$name/hostile")
    t_clean=$(median_ms "$RUNS" validate_root "$HOSTILE/$name/clean")
    size=$(find "$HOSTILE/$name/hostile/49" -name '*.yaml' ! -name department.yaml -printf '%s')
    r=$(ratio "$t_bad" "$t_clean")
    printf '%-34s %9s %12s %12s %8s  %s\n' "$name" "$size" "$t_bad" "$t_clean" "${r}x" "$(verdict "$r" 2 le)"
  done
}
if [ "$ONLY" = hostile ]; then
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS runs"
  hostile_table
  exit 0
fi
base_all() { "$BASE_BIN" validate --data "$DATA"; }
export BASE_BIN=${BASE_BIN:-}

echo "== check: the profile validates clean"
if ! "$BIN" validate --data "$DATA" >/dev/null; then
  echo "the generated profile has problems: run $BIN validate --data $DATA" >&2
  exit 1
fi

echo "== measure ($RUNS runs each, $PY_RUNS for Python)"
t_cat=$(median_ms "$RUNS" cat_all "$LIST")
t_val=$(median_ms "$RUNS" validate_all)
t_val1=$(median_ms "$RUNS" validate_all_one_core)
t_cat_one=$(median_ms "$RUNS" cat_all "$ONE_LIST")
t_val_one=$(median_ms "$RUNS" validate_one)
t_py=$(median_ms "$PY_RUNS" pyyaml_all)
c_cat=$(cpu_ms cat_all "$LIST")
c_val=$(cpu_ms validate_all)
c_py=$(cpu_ms pyyaml_all)
probe=$("$PROBE" "$DATA" "$ONE")
p() { echo "$probe" | awk -v k="$1" '$1 == k {print $2}'; }
hostile_rows=()
for name in bad-items unknown-keys brackets braces; do
  t_bad=$(median_ms "$RUNS" validate_root "$HOSTILE/$name/hostile")
  t_clean=$(median_ms "$RUNS" validate_root "$HOSTILE/$name/clean")
  size=$(find "$HOSTILE/$name/hostile/49" -name '*.yaml' ! -name department.yaml -printf '%s')
  hostile_rows+=("$name ${size} ${t_bad} ${t_clean}")
done
if [ -n "$BASE_BIN" ]; then
  t_base=$(median_ms "$RUNS" base_all)
  c_base=$(cpu_ms base_all)
  c_val2=$(cpu_ms validate_all)
fi
rss_kb=$(/usr/bin/time -f '%M' "$BIN" validate --data "$DATA" 2>&1 >/dev/null | tail -1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}'; }
verdict() { awk -v r="$1" -v t="$2" -v op="$3" 'BEGIN {ok = (op == "le") ? r <= t : r >= t; print ok ? "met" : "NOT met"}'; }

r_cat=$(ratio "$t_val" "$t_cat")
r_py=$(ratio "$t_py" "$t_val")
r_mem=$(ratio "$((rss_kb * 1024))" "$bytes")
r_one=$(ratio "$t_val_one" "$t_cat_one")
r_cores=$(ratio "$t_val1" "$t_val")
rc_cat=$(ratio "$c_val" "$c_cat")
rc_py=$(ratio "$c_py" "$c_val")
r_open=$(ratio "$(p open_one_dept_first_frame)" "$(p read_bytes_one_dept)")
r_sit=$(ratio "$(p draw_situations_5000)" "$(p draw_situations_50)")
r_age=$(ratio "$(p draw_agenda_5000)" "$(p draw_agenda_50)")

echo
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "profile: $marker — $files files, $((bytes / 1000000)) MB on disk"
echo
printf '%-52s %10s\n' "what" "median ms"
printf '%-52s %10s\n' "cat of every file > /dev/null" "$t_cat"
printf '%-52s %10s\n' "cellule validate (national)" "$t_val"
printf '%-52s %10s\n' "cellule validate (national), one core" "$t_val1"
printf '%-52s %10s\n' "PyYAML CSafeLoader, every file" "$t_py"
printf '%-52s %10s\n' "cat of département $ONE's $one_files files" "$t_cat_one"
printf '%-52s %10s\n' "cellule validate --dept $ONE" "$t_val_one"
printf '%-52s %10s\n' "peak memory of validate (national), MB" "$((rss_kb / 1024))"
printf '%-52s %10s\n' "CPU (user+sys) of cat, ms" "$c_cat"
printf '%-52s %10s\n' "CPU (user+sys) of validate (national), ms" "$c_val"
printf '%-52s %10s\n' "CPU (user+sys) of PyYAML, ms" "$c_py"
echo
printf '%-52s %10s\n' "in process (probe)" "median µs"
echo "$probe" | while read -r k v; do printf '%-52s %10s\n' "$k" "$v"; done
echo
printf '%-52s %8s  %-10s %s\n' "ratio" "value" "target" "verdict"
printf '%-52s %8s  %-10s %s\n' "validate / cat" "${r_cat}x" "<= 2x" "$(verdict "$r_cat" 2 le)"
printf '%-52s %8s  %-10s %s\n' "PyYAML / validate" "${r_py}x" ">= 10x" "$(verdict "$r_py" 10 ge)"
printf '%-52s %8s  %-10s %s\n' "validate / cat, CPU time" "${rc_cat}x" "<= 2x" "$(verdict "$rc_cat" 2 le)"
printf '%-52s %8s  %-10s %s\n' "PyYAML / validate, CPU time" "${rc_py}x" ">= 10x" "$(verdict "$rc_py" 10 ge)"
printf '%-52s %8s  %-10s %s\n' "peak memory / bytes on disk" "${r_mem}x" "<= 3x" "$(verdict "$r_mem" 3 le)"
printf '%-52s %8s  %-10s %s\n' "validate --dept $ONE / cat of its files" "${r_one}x" "(ref.)" ""
printf '%-52s %8s  %-10s %s\n' "open $ONE to first frame / read its files" "${r_open}x" "<= 3x" "$(verdict "$r_open" 3 le)"
printf '%-52s %8s  %-10s %s\n' "draw situations 5,000 / 50 cases" "${r_sit}x" "<= 1.5x" "$(verdict "$r_sit" 1.5 le)"
printf '%-52s %8s  %-10s %s\n' "draw agenda 5,000 / 50 cases" "${r_age}x" "<= 1.5x" "$(verdict "$r_age" 1.5 le)"
printf '%-52s %8s  %-10s %s\n' "one core / two cores" "${r_cores}x" "(gain)" ""
echo
printf '%-34s %9s %12s %12s %8s  %s\n' "hostile file" "bytes" "hostile ms" "clean ms" "ratio" "verdict (<= 2x)"
for row in "${hostile_rows[@]}"; do
  read -r name size t_bad t_clean <<<"$row"
  r=$(ratio "$t_bad" "$t_clean")
  printf '%-34s %9s %12s %12s %8s  %s\n' "$name" "$size" "$t_bad" "$t_clean" "${r}x" "$(verdict "$r" 2 le)"
done
if [ -n "$BASE_BIN" ]; then
  echo
  printf '%-52s %10s %10s\n' "national validate: this build vs BASE_BIN" "wall ms" "CPU ms"
  printf '%-52s %10s %10s\n' "BASE_BIN ($BASE_BIN)" "$t_base" "$c_base"
  printf '%-52s %10s %10s\n' "this build (two CPU runs)" "$t_val" "$c_val / $c_val2"
  rc_base=$(ratio "$(((c_val + c_val2) / 2))" "$c_base")
  printf '%-52s %8s  %-10s %s\n' "CPU, this build / BASE_BIN" "${rc_base}x" "<= 1.3x" "$(verdict "$rc_base" 1.3 le)"
fi
