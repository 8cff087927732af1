"""Builders shared by the tests (hand-built Scenes, crafted hostile input); no tests here.

Fixtures live in ``tests/conftest.py``; these are plain functions a test calls with arguments.
"""
