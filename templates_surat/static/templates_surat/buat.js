// Live preview: post the form to the preview URL (debounced) and show the HTML in the iframe.
(function () {
  const form = document.querySelector("[data-pratinjau-url]");
  if (!form) return;
  const frame = document.querySelector("[data-pratinjau-frame]");
  const status = document.querySelector("[data-pratinjau-status]");
  let timer = null;
  let nomor = 0;

  async function perbarui() {
    if (!frame) return;
    const ini = ++nomor;
    const response = await fetch(form.dataset.pratinjauUrl, { method: "POST", body: new FormData(form) });
    if (ini !== nomor) return; // a newer request is on its way
    if (response.ok) {
      frame.srcdoc = await response.text();
      status.textContent = status.dataset.ok || "Pratinjau terbaru.";
    } else {
      const data = await response.json().catch(() => ({ galat: {} }));
      const pesan = Object.entries(data.galat || {}).map(([k, v]) => (k === "__all__" ? v : k + ": " + v)).join("; ");
      status.textContent = "Pratinjau belum dapat dibuat — " + pesan;
    }
  }

  function jadwalkan() {
    clearTimeout(timer);
    timer = setTimeout(perbarui, 400);
  }

  // Fit the A4 page to the width of the preview pane.
  if (frame) {
    frame.addEventListener("load", () => {
      const dok = frame.contentDocument;
      if (!dok || !dok.body) return;
      dok.body.style.zoom = "";
      const lebar = dok.documentElement.scrollWidth;
      if (lebar > frame.clientWidth) dok.body.style.zoom = String((frame.clientWidth - 8) / lebar);
    });
  }

  form.addEventListener("input", jadwalkan);
  form.addEventListener("change", jadwalkan);
  form.addEventListener("click", (event) => {
    const tombol = event.target.closest("[data-lontar-tambah-baris]");
    if (!tombol) return;
    const tabel = tombol.closest("[data-lontar-tabel]");
    const tbody = tabel.querySelector("tbody");
    const terakhir = tbody.lastElementChild;
    const baru = terakhir.cloneNode(true);
    const indeks = tbody.children.length;
    baru.querySelector("td").textContent = indeks + 1;
    baru.querySelectorAll("input").forEach((input) => {
      input.name = input.name.replace(/-(\d+)-([^-]+)$/, "-" + indeks + "-$2");
      input.value = "";
    });
    tbody.appendChild(baru);
  });
  perbarui();
})();
