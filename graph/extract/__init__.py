"""Extractors: plain functions over a spaCy Doc, each returning records from graph.model."""
