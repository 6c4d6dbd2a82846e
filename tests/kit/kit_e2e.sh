#!/usr/bin/env bash
# The plugin-kit promise end to end (issue #7): install sosei to a temporary prefix; `sosei plugin new`;
# build the new plugin out of tree against the installed SDK only; run its unit tests; `sosei plugin
# check` it; add it to a copy of the configuration and import through the installed sosei. Nothing of
# the core is touched or rebuilt.   Usage: kit_e2e.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
say() { echo "== $*"; }

say "install to $work/prefix"
cmake --install "$build" --prefix "$work/prefix" >/dev/null
sosei=$work/prefix/bin/sosei
test -f "$work/prefix/include/sosei/sdk.h" -a -f "$work/prefix/include/sosei/testing.hpp"
test -f "$work/prefix/lib/cmake/Sosei/SoseiConfig.cmake"
ls "$work/prefix/lib/sosei/plugins/"*.so >/dev/null

cd "$work"
say "sosei plugin new"
"$sosei" plugin new shop_visits --department 産業振興課 --kind import --dir shop_visits
"$sosei" plugin new feed_check --department 交通政策課 --kind fetch --dir feed_check
if "$sosei" plugin new shop_visits --department 産業振興課 --dir shop_visits 2>err.txt; then
  echo "a second scaffold into a non-empty folder must be refused"; exit 1
fi
grep -q "空ではありません" err.txt
"$sosei" plugin new shop_visits --department 産業振興課 --dir shop_visits --lang en 2>err_en.txt && exit 1
grep -q "not empty" err_en.txt

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
for p in shop_visits feed_check; do
  say "build $p out of tree against the installed SDK"
  cmake -S $p -B $p/build "${generator[@]}" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build $p/build >/dev/null
  ctest --test-dir $p/build --output-on-failure
done

say "sosei plugin check"
"$sosei" plugin check shop_visits/build/shop_visits.so --settings shop_visits/source.example.yaml
"$sosei" plugin check shop_visits/build/shop_visits.so --settings shop_visits/source.example.yaml --json > check.json
grep -q '"ok": true' check.json
grep -q '"observation_count": 3' check.json
# The generated plugin describes itself and its settings in Japanese, as the bundled ones do.
grep -q '"description": "表（期間・値・備考の列）から KPI の値を取り込みます"' check.json || { cat check.json; exit 1; }
grep -q '"help": "値を入れる KPI の id（strategy.yaml にあるもの）"' check.json || { cat check.json; exit 1; }
printf 'period,value\nR7,たくさん\n' > bad.csv
if "$sosei" plugin check shop_visits/build/shop_visits.so --settings shop_visits/source.example.yaml --input bad.csv >bad.txt; then
  echo "plugin check must exit 1 on a rejected row"; cat bad.txt; exit 1
fi
# In Japanese by default (the department reads it), the SDK's refusal of the cell included.
grep -q "不合格: 読めない行 1 件" bad.txt || { cat bad.txt; exit 1; }
grep -q "「たくさん」は数値として読めません" bad.txt || { cat bad.txt; exit 1; }
"$sosei" plugin check shop_visits/build/shop_visits.so --settings shop_visits/source.example.yaml --input bad.csv \
  --lang en >bad_en.txt && exit 1
grep -q "NOT OK: 1 rejected row(s)" bad_en.txt || { cat bad_en.txt; exit 1; }

say "import through the installed sosei"
cp -r "$source/config" cfg
sed -i "s|^plugin_dirs: \[\]|plugin_dirs: ['$work/shop_visits/build']|" cfg/sosei.yaml
cp shop_visits/data/sample.csv cfg/data/shop_visits.csv
cat >> cfg/sources.yaml <<YAML
  - id: shop_visits
    plugin: shop_visits
    kpis: [startups]
    settings:
      file: data/shop_visits.csv
      kpi: startups
YAML
"$sosei" -c cfg/sosei.yaml plugins | grep -q shop_visits
"$sosei" -c cfg/sosei.yaml import shop_visits --isolation worker
"$sosei" -c cfg/sosei.yaml values startups --json > values.json
grep -q '"FY2025"' values.json
say "OK: a department plugin was scaffolded, built, checked and imported with no change to the core"
