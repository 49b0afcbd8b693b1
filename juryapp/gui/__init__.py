"""The Qt desktop face of juryapp."""
