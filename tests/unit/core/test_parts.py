from __future__ import annotations

from vodgui.core.transfer.config import OSS_MAX_PARTS, TransferConfig
from vodgui.core.transfer.parts import choose_part_size, plan_parts


def test_auto_part_size_respects_oss_limits() -> None:
    cfg = TransferConfig()
    for total in (1, 100 * 1024, 8 * 1024**2, 10**9, 200 * 1024**3):
        size = choose_part_size(total, cfg)
        assert size >= 100 * 1024
        parts = plan_parts(total, size)
        assert len(parts) <= OSS_MAX_PARTS
        assert sum(p.size for p in parts) == total
        assert all(p.size == size for p in parts[:-1])
        assert parts[-1].offset + parts[-1].size == total


def test_configured_part_size_is_used_when_it_fits() -> None:
    cfg = TransferConfig(part_size=5 * 1024**2)
    assert choose_part_size(50 * 1024**2, cfg) == 5 * 1024**2
    # too small for a 100 GB file: grown so that 10,000 parts suffice
    big = 100 * 1024**3
    assert len(plan_parts(big, choose_part_size(big, cfg))) <= OSS_MAX_PARTS
