// Enhancement only: clicking a field's source link highlights all its lines in the source view.
document.addEventListener("click", (e) => {
  const a = e.target.closest("a[data-lines]");
  if (!a) return;
  const [from, to] = a.dataset.lines.split("-").map(Number);
  document.querySelectorAll(".source span.hl").forEach((s) => s.classList.remove("hl"));
  for (let n = from; n <= (to || from); n++) document.getElementById("L" + n)?.classList.add("hl");
});
