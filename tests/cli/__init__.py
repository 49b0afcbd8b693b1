"""Tests of juryapp: cli."""
