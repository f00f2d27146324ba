"""Running the cooperative between two assemblies: the board and its mandates, the registers,
parts sociales and cotisations, ordinary and extraordinary assemblies, the moral report."""
