"""storyline: a sourced, structured picture of a developing news story.

Data flow: ``ingest`` (read + clean + label) → ``Document`` → annotate (entities, time, …)
→ ``store`` → ``analysis`` (ledgers, contradictions, stories) → ``report`` / CLI.
"""

__version__ = "0.1.0"
