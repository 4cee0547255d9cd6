"""The transfer core: one :class:`~vodgui.core.transfer.job.Job` per queue item, scheduled by the engine."""
