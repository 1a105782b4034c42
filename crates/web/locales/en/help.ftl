# "Get help now": crisis lines. The lines themselves come from the operator's
# crisis-lines file, which has its own translations.

help-title = Get help now
help-lead = You're not alone. If you are thinking about harming yourself, or you are in danger, reach out now: these lines are free, confidential and open all day and night.
help-emergency = If your life or someone else's is in immediate danger, call your local emergency number.
help-elsewhere = Somewhere else? Call your local emergency number, or ask someone you trust to call with you.
