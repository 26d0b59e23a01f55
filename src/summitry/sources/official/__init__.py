"""U.S. Office of the Historian (history.state.gov) travels and visits data.

Reads the pinned XML into typed pandas tables with every record accounted for
(loaded or rejected with a reason), maps HSG country ids to ISO codes, and
extracts counterpart leaders and multilateral events from the free text.
"""

from .evaluate import evaluate_extraction
from .extract import extract_contacts
from .parse import OfficialRecord, fetch_official, president_on, read_official

__all__ = ["OfficialRecord", "evaluate_extraction", "extract_contacts", "fetch_official", "president_on",
           "read_official"]
