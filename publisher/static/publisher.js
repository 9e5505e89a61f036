// Progressive touches: without JavaScript every page still works, and shows no control that needs it.
// The controls are in the page as written, shown by the classes that publisher/templates/base.html sets
// before the page is laid out: this script only listens, and changes no layout when the page loads.
(function () {
  const root = document.documentElement;
  const labels = document.getElementById("publisher-labels");

  // On a plain visit the items are laid out as they come into view (`lazy-layout`, publisher.css), at
  // an estimated height until then. Before the page goes to a place in itself, it is laid out in full,
  // so that the reader lands on that place: a link to an item on the same page, an address with an #ID
  // typed in. And before it is printed.
  function layOutInFull() {
    if (!root.classList.contains("lazy-layout")) return false;
    // The item at the top of the screen stays there (the browser's scroll anchoring does not follow
    // this change): the items above it may have been at their estimated height.
    const anchor = Array.from(document.querySelectorAll("section.item")).find(function (item) {
      return item.getBoundingClientRect().bottom > 0;
    });
    const before = anchor && anchor.getBoundingClientRect().top;
    root.classList.remove("lazy-layout");
    if (anchor) window.scrollBy({top: anchor.getBoundingClientRect().top - before, behavior: "instant"});
    return true;
  }
  function samePage(link) {
    return link.hash.length > 1 && link.origin === location.origin && link.pathname === location.pathname
      && link.search === location.search;
  }

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) return;
    const link = event.target.closest("a[href]");
    if (link && samePage(link)) layOutInFull();  // before the browser follows it
    const button = event.target.closest("button.copy-link");
    if (button) copyLink(button);
  }, true);
  window.addEventListener("hashchange", function () {
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (layOutInFull() && target) target.scrollIntoView();  // it went there with the estimated heights
  });
  window.addEventListener("beforeprint", layOutInFull);

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
