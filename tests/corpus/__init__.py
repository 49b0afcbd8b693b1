"""Hostile files for every parser, each to be refused whole (or read right), and their runner."""
