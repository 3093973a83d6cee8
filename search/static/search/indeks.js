// Index status page: poll each running reindex every 2 s and move its progress bar;
// reload the page when a run ends so the document counts are current.
(function () {
  const SELESAI = ["selesai", "gagal"];
  document.querySelectorAll("[data-proses-url]").forEach((kotak) => {
    const bar = kotak.querySelector("progress");
    const teks = kotak.querySelector("[data-proses-teks]");
    const timer = setInterval(async () => {
      let data;
      try {
        const response = await fetch(kotak.dataset.prosesUrl, { headers: { Accept: "application/json" } });
        if (!response.ok) return;
        data = await response.json();
      } catch (e) {
        return; // try again at the next tick
      }
      bar.value = data.persen;
      bar.textContent = data.persen + "%";
      teks.textContent = data.label + ": " + data.selesai + "/" + data.total + " (" + data.persen + "%)";
      if (SELESAI.includes(data.status)) {
        clearInterval(timer);
        window.location.reload();
      }
    }, 2000);
  });
})();
