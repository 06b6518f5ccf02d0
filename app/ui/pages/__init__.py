"""One module per task page; ``registry`` lists them and builds each on first use, ``base.CheckPage``
holds what they share (layout, rendering) and ``runner.CallRunner`` runs their calls (busy, cancel)."""
