"""vodgui: a desktop uploader and playback-auth tester for Alibaba Cloud ApsaraVideo VOD."""

__version__ = "0.1.0"
