"""Tests of the printed documents, from a convention made to test them."""
