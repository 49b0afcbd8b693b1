"""Tests of juryapp: services."""
