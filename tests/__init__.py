"""Tests of juryapp."""
