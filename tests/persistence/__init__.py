"""Tests of juryapp: persistence."""
