#!/usr/bin/env python3
"""Writes the demo feed of the bus_ridership plugin into config/data/bus_ridership/: a small
GTFS-ride-style feed of a fictional 嘉麻市バス whose fiscal-year boardings equal the city's published
values (市バス年間利用者数: FY2023 = R5 baseline 130,108; FY2025 = R7 actual 100,084).

Aggregated to stay small: one fake trip per route, one board_alight row per route and month (dated the
1st) holding that month's boardings. Deterministic: totals are split by fixed route and month weights,
the rounding remainder going to the largest share, so the sums are exact.

Usage: generate_demo_feed.py [out_dir]   (default: config/data/bus_ridership next to this repo's root)
"""
import os
import sys

FISCAL_YEARS = {2023: 130_108, 2025: 100_084}
ROUTES = [  # route_id, short name, long name, jp_parent_route_id, share
    ("YAMADA", "1", "山田線（嘉麻市役所～山田庁舎）", "山田線", 0.45),
    ("INATSUKI", "2", "稲築線（嘉麻市役所～稲築）", "稲築線", 0.35),
    ("USUI", "3", "碓井・嘉穂線（碓井～嘉穂）", "碓井・嘉穂線", 0.20),
]
# April … March: fewer riders in the summer holidays and in winter.
MONTH_WEIGHTS = [1.00, 1.00, 0.95, 0.90, 0.80, 0.95, 1.00, 1.00, 0.95, 0.90, 0.95, 1.00]


def split(total, weights):
    """Integer parts of `total` in proportion to `weights`, summing exactly to `total`."""
    parts = [int(total * w / sum(weights)) for w in weights]
    parts[max(range(len(weights)), key=lambda i: weights[i])] += total - sum(parts)
    return parts


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "config", "data", "bus_ridership")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "routes.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("route_id,agency_id,route_short_name,route_long_name,route_type,jp_parent_route_id\n")
        for route_id, short, long_name, parent, _ in ROUTES:
            f.write(f"{route_id},KAMA_CITY,{short},{long_name},3,{parent}\n")
    with open(os.path.join(out, "trips.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("route_id,service_id,trip_id,trip_headsign\n")
        for route_id, *_ in ROUTES:
            f.write(f"{route_id},ALL,{route_id}_MONTHLY,月計（全便）\n")
    with open(os.path.join(out, "board_alight.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("trip_id,stop_id,stop_sequence,record_use,boardings,service_date,source\n")
        for year, total in sorted(FISCAL_YEARS.items()):
            by_route = split(total, [r[4] for r in ROUTES])
            for (route_id, *_), route_total in zip(ROUTES, by_route):
                for i, boardings in enumerate(split(route_total, MONTH_WEIGHTS)):
                    month = 4 + i if i < 9 else i - 8
                    calendar_year = year if i < 9 else year + 1
                    f.write(f"{route_id}_MONTHLY,ALL_STOPS,1,0,{boardings},{calendar_year}{month:02d}01,2\n")


if __name__ == "__main__":
    main()
