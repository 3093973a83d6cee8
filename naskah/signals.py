"""Signals naskah sends for apps that follow letters without being imported by naskah
(search connects here in its own ready(), so letters save while search is down)."""

from django.dispatch import Signal

# Sent after a letter's access rows were recomputed — i.e. at every state change
# (draft, submission, signing, sending, registration, disposition, completion).
# kwargs: naskah_id (the page id).
naskah_berubah = Signal()
