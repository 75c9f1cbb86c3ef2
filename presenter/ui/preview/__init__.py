"""The technician's preview window, in rooms of its own.

* :mod:`.window` - :class:`PreviewWindow`: puts the parts together, follows the show and the clip checks.
* :mod:`.clip_list` - the clip segments with poster frames.
* :mod:`.player_panel` - title, video, transport and sound widgets; :mod:`.video` the video pane.
* :mod:`.sound` - mute, volume and the audio device, with the line that says where the sound goes.
* :mod:`.media_panel` - the media information of the selected clip.
* :mod:`.preflight_table` - the preflight summary and table.
"""

from presenter.ui.preview.media_panel import INFO_FIELDS, NONE, describe_media, format_size
from presenter.ui.preview.player_panel import LAST_SECONDS, format_clock
from presenter.ui.preview.preflight_table import STATUS_BACKGROUND, STATUS_FOREGROUND, STATUS_TEXT, row_detail
from presenter.ui.preview.video import VideoPane
from presenter.ui.preview.window import PreviewWindow
from presenter.ui.surfaces import paint_black

__all__ = [
    "INFO_FIELDS", "LAST_SECONDS", "NONE", "STATUS_BACKGROUND", "STATUS_FOREGROUND", "STATUS_TEXT", "PreviewWindow",
    "VideoPane", "describe_media", "format_clock", "format_size", "paint_black", "row_detail",
]  # fmt: skip
