"""Kernel websocket frames checked before they are parsed: a malformed one closes the socket.

jupyter_server reads a binary frame's part count from its first bytes and builds the list of
offsets before looking at the frame's length: a 72-byte frame claiming 2**40 parts kept a server
busy while it grew from 148 MB to over 1 GB. ``CheckedChannels`` refuses a frame whose part count
cannot fit in the frame (or exceeds what any Jupyter message has) and closes the socket, so
nothing is allocated for it. It is the websocket connection class of Fadaa's Voilà.
"""
from __future__ import annotations

from jupyter_server.services.kernels.connection.channels import ZMQChannelsWebsocketConnection

V1 = "v1.kernel.websocket.jupyter.org"
MAX_PARTS = 64  # a message's header, parent header, metadata, content and its buffers


def parts_claimed(frame: bytes, v1: bool) -> int:
    """How many parts a binary frame says it has: v1 puts a little-endian 8-byte count first, the
    older binary format a big-endian 4-byte one."""
    return int.from_bytes(frame[:8], "little") if v1 else int.from_bytes(frame[:4], "big")


def frame_is_sound(frame: bytes | str, v1: bool) -> bool:
    if isinstance(frame, str):
        return not v1  # v1 frames are binary; the older format sends JSON text
    width = 8 if v1 else 4
    count = parts_claimed(frame, v1)
    return len(frame) >= width and 0 < count <= MAX_PARTS and width * (count + 1) <= len(frame)


class CheckedChannels(ZMQChannelsWebsocketConnection):
    def handle_incoming_message(self, incoming_msg) -> None:
        if not frame_is_sound(incoming_msg, self.subprotocol == V1):
            self.log.warning("Malformed kernel websocket frame (%d bytes): closing the socket", len(incoming_msg))
            self.websocket_handler.close(1003, "malformed frame")
            return
        super().handle_incoming_message(incoming_msg)
