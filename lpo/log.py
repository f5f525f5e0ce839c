import logging


class OneLine(logging.Filter):
    """A request for a host the site does not serve is noise, not a fault: one line, no traceback."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        return True
