"""The venue LAN: the hub listens over TLS, judges' laptops push their signed logs to it."""
