"""The defaults and choices kg's options offer, shared by the library and the CLI.

They live apart from the modules that use them (kg.rdf, kg.html, kg.sandbox,
kg.extractors, kg.summary) because `kg --help` shows them: this module imports
nothing, so the help does not wait for networkx, rdflib or numpy to load.
"""
from __future__ import annotations

import os

DEFAULT_BASE = "https://w3id.org/kg-localgov/id/"      # of entity IRIs (kg.rdf.IRIs)
# Above this many nodes graph.html opens on the most connected part: vis-network lays out
# 2,000 nodes in a few seconds on a laptop; the rest stay reachable through search and ego views.
DEFAULT_MAX_NODES = 2000

# Statistical NER (`--ner`, kg.extractors): crf, the trained tagger; rules, the rule
# components alone; lac, Baidu LAC.
NER_CHOICES = ("crf", "rules", "lac")
DEFAULT_NER = ("crf",)

# What `kg stats --by` ranks entities by: node metrics of kg.metrics.
RANKINGS = ("degree", "weighted_degree", "betweenness", "pagerank")

# `kg query` (kg.sandbox): seconds a query may run (`kg serve` has its own --timeout), and
# the address space of one query worker, graph included: a quarter of the machine's memory,
# at least 2 GiB (a graph of 9 M triples needs 3.5 GB), so one query cannot take it all.
DEFAULT_TIMEOUT = 60.0
DEFAULT_MEMORY_MB = max(2048, os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 4 >> 20)
