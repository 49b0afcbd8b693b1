"""Tests of juryapp: domain."""
