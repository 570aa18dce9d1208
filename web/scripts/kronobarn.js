// Kronobarn's only script, and an enhancement: every page works without it. A button with
// data-copy="ID" (hidden until this runs) copies the text of element ID and says so in the
// element data-copied names (a polite live region).
'use strict';
document.querySelectorAll('button[data-copy]').forEach((button) => {
  const source = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copied);
  if (!source || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      if (status) status.textContent = button.dataset.copiedText;
    } catch {
      if (status) status.textContent = button.dataset.failedText;
    }
  });
});
