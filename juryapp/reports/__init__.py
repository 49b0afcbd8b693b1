"""Printed result documents rendered with ReportLab."""
