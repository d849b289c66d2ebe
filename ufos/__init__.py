"""ufos — μFork OS: a teaching single-address-space operating system on an emulated CHERI machine."""
__version__ = "0.1.0"
