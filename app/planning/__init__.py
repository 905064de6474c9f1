"""Planning: a suggested placement of the requests, and what two plans differ in.

Qt-free, between the report and the command line. The rules stay the judge: a suggestion is
scored with the very findings `check` reports (`score`), the solver only proposes (`solver`,
`polish`), and `compare` reads two workshops side by side. OR-Tools is imported only inside
the solver, so nothing here slows the app's start.
"""
