#!/usr/bin/env bash
# Search benchmark: imports the International-size synthetic release (generated once into $BENCH_DIR, as
# Scripts/bench-import.sh does) with the search index, then times a fixed list of 200+ realistic queries
# in process (`steward search --stdin-queries`). The list runs twice in one process: the first pass starts
# with SQLite's page cache empty (OS cache warm), the second is what a running server sees. Reports
# p50/p90/p99 of both passes.
# Usage: Scripts/bench-search.sh [--reimport]
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/bench-common.sh
data="$work/search-data"
if [ "${1:-}" = "--reimport" ] || ! "$steward" search --data "$data" x --limit 1 >/dev/null 2>&1; then
  rm -rf "$data"
  /usr/bin/time -v "$steward" import --data "$data" "$package" > /dev/null 2> "$work/search-import-time.txt"
  grep -E "Elapsed|Maximum resident" "$work/search-import-time.txt" >&2
  "$steward" info --data "$data" --format json > "$work/search-import-info.json"
  python3 -c "import json,sys; s=json.load(open(sys.argv[1]))['importStages']; print('  stages: ' + ', '.join(f'{k} {v:.1f} s' for k, v in s.items()))" "$work/search-import-info.json" >&2
  ls -l "$data/releases/"*.sqlite | awk '{printf "  store %.2f GB\n", $5 / 1024 / 1024 / 1024}' >&2
fi

queries="$work/search-queries.txt"
sed -n '/^# QUERIES$/,$p' "$0" | tail -n +2 > "$queries"
echo "$(wc -l < "$queries") queries" >&2
cat "$queries" "$queries" > "$work/search-queries-twice.txt"
"$steward" search --data "$data" --stdin-queries --lang en-GB < "$work/search-queries-twice.txt" > /dev/null   # OS page cache
"$steward" search --data "$data" --stdin-queries --lang en-GB < "$work/search-queries-twice.txt" > "$work/search-latency.tsv"

python3 - "$work/search-latency.tsv" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("\t", 2) for line in open(sys.argv[1])]
half = len(rows) // 2
for name, part in (("first pass (SQLite cache cold)", rows[:half]), ("second pass (warm)", rows[half:])):
    micros = sorted(int(r[0]) for r in part)
    def pct(p): return micros[min(len(micros) - 1, int(round(p / 100 * (len(micros) - 1))))]
    print(f"{name}: {len(micros)} queries, p50 {pct(50)/1000:.3f} ms, p90 {pct(90)/1000:.3f} ms, p99 {pct(99)/1000:.3f} ms, max {micros[-1]/1000:.3f} ms, mean {statistics.mean(micros)/1000:.3f} ms")
    print("  slowest: " + "; ".join(f"{r[2]!r} {int(r[0])/1000:.1f} ms ({r[1]})" for r in sorted(part, key=lambda r: -int(r[0]))[:5]))
PY
exit 0
# QUERIES
chronic
finding
postoperative
device
ulcer
familial
virus
pepraloli
tibia
malignant
sulisusu
linemara
recurrent
davebada
spine
lizefuda
familial
mavisura
sufupeba
pain
esophagus
solution
record
pattern
acute
fracture
severe
event
finding
repair
tetekada
degeneration
benign
secondary
drainage
acute
pressure
record
congenital
level
tenemami
bacterium
traumatic
complete
pancreas
neoplasm
skin
malignant
gogosu
bapeline
pancreas
bladder
bakarali
scale
tendon
specimen
lodamelvi
neterize
linobatu
tevineha
tibia
mimizecos
bladder
pattern
atrophy
primary
bapepese
recurrent
organism
inflammation
nedag
ted
asses
func
color
spine
prima
inje
prima
gop
prato
func
sum
nevi
age
lung
nosed
exam
col
peve
lesio
tem
idi
subs
live
pre
licos
esoph
tege
seco
bact
tibia
occl
skin
pres
press
badam
arte
fra
tuk
beni
ras
skin
nokok
col
occ
sho
colo
orga
sca
measurement ted
procedure chronic
razepravi agen
heart exami
agent dalo
structure nos
hyperplasia general
rakamama com
sumikape structure
mandible goh
primary behav
severe neriveju
pressure eros
behavior event
severe lesio
shoulder tunotepe
traumatic sto
secondary nemamage
retina beh
finding prima
rikakami mandib
rarilinve sev
pain gentu
lipraloban fractu
pancreas daveseco
fracture ramitu
bilateral golipraba
spine inject
postoperative exc
sutuhaka recor
bacterium seve
color seco
infarction partial
tumigenba lev
juvenile even
substance nodular
partial bapramel
diffuse infar
biopsy turaze
cosnoda general
tugolinfu hemorrhage
sumida primar
dislocation masuj
traumatic milobali
ragonemi patte
pattern rilob
lung pro
fracture acu
banotugen flui
edema hip
chronic suhalopra solut
mild panc neliha
juv dan beh
second thyr mirifuju
loca suvipraba degenerati
traumatic laryn rahabann
erosiv eye bato
chronic gobanzel ulcer
primary eye bamipe
bilater rimipe infec
atypic sho sugor
secondary tek solut
mil ril haemo
congen dra dakabako
idiop bra dagengogen
ben vigomelmel bacte
atypi brai riramico
per herni vein
idiopathic prostat govivelo
bila nozelif even
maligna liv batutu
idiopathic dazej cell
mandi tel pain
loc mili cou
nod temelradr prod
skin gofuda tumo
bilnteral
atrphy
pnimary
loristu
biopsy
heat
evnt
tbia
tumuor
visuamba
talet
reocrd
tisse
deviie
specmien
rigobnako
ritoraave
chroni
rators
tablen
taumatic
reina
exmination
gorabse
viurs
acuto
replaceemnt
dsyplasia
generalzied
functon
prmary
ratugene
nelplasm
specien
notegengen
dagendatr
kidneu
reord
infarotion
tukario
postoperative suligori tissue event
localized godanono organism
reconstruction of sujujuban esophagus
secondary pekoviban virus organism
diffuse prostate nejusuli cell
tibia tehapeju infarction
chronic brain tugorika finding
lung godrivema necrosis
atypical bladder ridagodri fracture of artery
secondary larynx razelinma organism
postoperative rihagoba tissue solution
juvenile drainage of bapedrika vein
localised makatorma tablet product pressure
bilateral retina rakocossu lesion
traumatic transplantation of lomeltorno
idiopathic nonopeno level agent bacterium
shoulder nopezefu cyst of femur
diffuse ear lilotedri atrophy of prostate
lilinvidri pain finding tissue
generalized bladder rabanvipe solution event behavior
hjerteinfarkt
sykdom
blodtrykk
infarkt
lungebetennelse
astma
diabetes
smerte
brudd
hodepine
høyt blodtrykk
kronisk
betennelse
svikt
hjertesvikt
myocardial infarction
heart attack
diabetes mellitus
asthma
pneumonia
fracture of femur
appendectomy
paracetamol
hypertension
copd
