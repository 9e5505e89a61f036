// Progressive touches: without JavaScript every page still works, and shows no control that needs it.
// The controls are in the page as written, shown by the classes that publisher/templates/base.html sets
// before the page is laid out: this script only listens, and changes no layout when the page loads.
(function () {
  const labels = document.getElementById("publisher-labels");

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) return;
    const button = event.target.closest("button.copy-link");
    if (button) copyLink(button);
  }, true);

  // "Copy link" beside each item's fields: the item's address on this page.
  function copyLink(button) {
    const section = button.closest("section.item");
    const label = button.dataset.label || button.textContent;
    button.dataset.label = label;
    navigator.clipboard.writeText(new URL("#" + section.id, location.href).href).then(function () {
      button.textContent = labels ? labels.dataset.copied : label;
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  }

  // The list of practices: the filter box narrows it as one types.
  document.querySelectorAll(".practice-browser .practice-filter").forEach(function (input) {
    const browser = input.closest(".practice-browser");
    input.addEventListener("input", function () {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      browser.querySelectorAll("details").forEach(function (group) {
        let shown = 0;
        group.querySelectorAll("li").forEach(function (item) {
          const match = words.every(function (word) { return item.textContent.toLowerCase().includes(word); });
          item.hidden = !match;
          shown += match ? 1 : 0;
        });
        group.hidden = shown === 0;
        if (words.length) group.open = shown > 0;
      });
    });
  });
})();
