"""Tests of juryapp: reports."""
