#!/usr/bin/env bash
# Cuts Noto Sans CJK down to what Echoes itself writes in Korean, Japanese
# and Chinese: the embedded dataset's localised names and the translations
# in gui/lang, plus printable ASCII (so a face can stand alone) and the
# date words. Run it from anywhere after changing either; the test
# TestEmbeddedCoversEchoesText says when it is due.
# Needs Debian's fonts-noto-cjk and python3-fonttools (both only to run this).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
src=/usr/share/fonts/opentype/noto
/usr/bin/python3 - "$root" "$here" "$src" <<'PY'
import json, sys
from fontTools import subset
from fontTools.ttLib import TTCollection
root, here, src = sys.argv[1:]
index = {"ja": 0, "ko": 1, "zh-Hans": 2, "zh-Hant": 3}
data = json.load(open(root + "/resources/northeast-asia.json", encoding="utf-8"))
for lang, i in index.items():
    text = set("年月日년월일")
    for a in data["actors"]:
        for n in a["names"]:
            l = n.get("localised", {}).get(lang, {})
            text |= set(l.get("name", "") + l.get("short", ""))
    for g in data.get("groupings", []):
        text |= set(g.get("localised", {}).get(lang, {}).get("name", ""))
    for v in json.load(open(root + "/gui/lang/translations/" + lang + ".json", encoding="utf-8")).values():
        text |= set(v)
    text |= set(chr(c) for c in range(0x20, 0x7f))
    for weight in ("Regular", "Bold"):
        font = TTCollection(src + "/NotoSansCJK-" + weight + ".ttc").fonts[i]
        opts = subset.Options()
        opts.layout_features = ["kern", "palt", "vert", "locl"]
        opts.name_IDs = ["*"]
        opts.notdef_outline = True
        opts.hinting = False
        opts.desubroutinize = True
        s = subset.Subsetter(opts)
        s.populate(text="".join(sorted(text)))
        s.subset(font)
        out = "%s/NotoSansCJK-%s-%s.otf" % (here, lang, weight)
        font.save(out)
        print(out, len(text), "characters")
PY
