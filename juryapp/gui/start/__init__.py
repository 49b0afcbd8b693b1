"""The screens before anyone is signed in: first run, convention start page, sign-in."""
