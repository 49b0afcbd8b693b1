"""Tests of juryapp: interchange."""
