"""Propose a committee's calendar: where its meetings can go under the real constraints.

``build_problem`` reads what must be placed off a plan (``problem``); ``solve`` places it with
OR-Tools' CP-SAT solver and, when nothing fits, says which constraints clash (``solve``);
``apply_proposal`` writes the proposal into the plan as moves with their reason
(``proposal``).

Plain Python: never imports Django.
"""
