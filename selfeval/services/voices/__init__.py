"""What children, young people and families say, the surveys they answered, and case studies:
the part of a self-evaluation inspectors now ask for first (the 2025 handbook's section on
hearing children's and families' views)."""
