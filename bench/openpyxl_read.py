"""Reads PlanSheet returns with openpyxl through their defined names: the
independent reader for the read tests and the baseline for the read bench.

Usage: /usr/bin/python3 openpyxl_read.py [--dump] FILE... | --list LISTFILE
For every file: the metadata sheet's key/values and, for every PSV_/PSR_
name, the cell it points to and the value there (as openpyxl sees it).
Prints JSON: {"files": n, "seconds": t, "peak_rss_mb": m, "returns": [...]}
(returns only with --dump).
"""
import datetime
import json
import resource
import sys
import time

import openpyxl

META_SHEET = "_plansheet_meta"


def typed(v):
    if v is None:
        return {"type": "empty"}
    if isinstance(v, bool):
        return {"type": "boolean", "value": v}
    if isinstance(v, (int, float)):
        return {"type": "number", "value": v}
    if isinstance(v, (datetime.datetime, datetime.date)):
        return {"type": "date", "value": v.isoformat()}
    return {"type": "text", "value": str(v)}


def read(path):
    wb = openpyxl.load_workbook(path)
    out = {"file": path, "meta": {}, "names": {}}
    if META_SHEET in wb.sheetnames:
        ws = wb[META_SHEET]
        out["meta_state"] = ws.sheet_state
        for row in ws.iter_rows(min_col=1, max_col=2, values_only=True):
            if row[0] is not None:
                out["meta"][str(row[0])] = row[1]
    for dn in wb.defined_names.definedName:
        if not (dn.name.startswith("PSV_") or dn.name.startswith("PSR_") or dn.name.startswith("PS_REPORT_")):
            continue
        try:
            dests = list(dn.destinations)
        except Exception:
            dests = []
        if len(dests) != 1 or dests[0][0] not in wb.sheetnames:
            out["names"][dn.name] = {"broken": True, "formula": dn.attr_text}
            continue
        sheet, addr = dests[0]
        cell = wb[sheet][addr.replace("$", "").split(":")[0]]
        out["names"][dn.name] = {"sheet": sheet, "cell": cell.coordinate, "value": typed(cell.value)}
    return out


def main(argv):
    dump = "--dump" in argv
    args = [a for a in argv if a != "--dump"]
    if args and args[0] == "--list":
        with open(args[1], encoding="utf-8") as f:
            files = [line.strip() for line in f if line.strip()]
    else:
        files = args
    t0 = time.perf_counter()
    results = [read(f) for f in files]
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    doc = {"files": len(files), "seconds": seconds, "peak_rss_mb": peak}
    if dump:
        doc["returns"] = results
    else:
        doc["values"] = sum(len(r["names"]) for r in results)
    print(json.dumps(doc, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(sys.argv[1:])
