"""Fills a PlanSheet template as a clerk would, with openpyxl (an independent
writer): cells reached through their defined names. Reads a JSON spec on
stdin: {"src", "dst", "cells": {name: value}, "formats": {name: number_format},
"formulas": {name: "=..."}}. Text values are stored as text."""
import json
import sys

import openpyxl


def target(wb, name):
    dn = wb.defined_names.get(name)
    if dn is None:
        raise SystemExit("no defined name " + name)
    for sheet, ref in dn.destinations:
        return wb[sheet][ref.replace("$", "")]
    raise SystemExit("empty defined name " + name)


def main():
    spec = json.load(sys.stdin)
    wb = openpyxl.load_workbook(spec["src"])
    for name, value in spec.get("cells", {}).items():
        cell = target(wb, name)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"
    for name, formula in spec.get("formulas", {}).items():
        target(wb, name).value = formula
    for name, fmt in spec.get("formats", {}).items():
        target(wb, name).number_format = fmt
    wb.save(spec["dst"])


main()
