"""Tests of juryapp: gui."""
