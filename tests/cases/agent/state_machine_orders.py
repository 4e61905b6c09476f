transitions = {
    "new": {"pay": "paid", "cancel": "cancelled"},
    "paid": {"ship": "shipped", "refund": "refunded"},
    "shipped": {"deliver": "delivered"},
}
def run(events):
    state = "new"
    history = [state]
    for ev in events:
        nxt = transitions.get(state, {}).get(ev)
        if nxt is None:
            raise ValueError(f"cannot {ev} when {state}")
        state = nxt
        history.append(state)
    return history
for evs in [["pay", "ship", "deliver"], ["cancel"], ["pay", "refund"], ["ship"], ["pay", "ship", "refund"]]:
    try:
        print(" -> ".join(run(evs)))
    except ValueError as e:
        print("error:", e)
