"""Part sizing and planning, with OSS's limits (100 KB minimum except the last part, at most 10,000 parts)."""

from __future__ import annotations

from dataclasses import dataclass

from vodgui.core.transfer.config import OSS_MAX_PARTS, TransferConfig

_ALIGN = 64 * 1024


@dataclass(frozen=True)
class PartPlan:
    number: int  # 1-based
    offset: int
    size: int


def choose_part_size(total: int, config: TransferConfig) -> int:
    """The configured size, or the default, grown (64 KiB aligned) until ``total`` fits in 10,000 parts."""
    size = config.part_size or config.default_part_size
    size = max(size, config.min_part_size)
    needed = -(-total // OSS_MAX_PARTS)  # ceil
    if size < needed:
        size = -(-needed // _ALIGN) * _ALIGN
    return size


def plan_parts(total: int, part_size: int) -> list[PartPlan]:
    if part_size <= 0:
        raise ValueError("part_size must be positive")
    count = max(1, -(-total // part_size))
    if count > OSS_MAX_PARTS:
        raise ValueError(f"{total} bytes in parts of {part_size} needs {count} parts (max {OSS_MAX_PARTS})")
    return [PartPlan(i + 1, i * part_size, min(part_size, total - i * part_size)) for i in range(count)]
