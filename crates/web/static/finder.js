// The meeting finder works without this script. With it, "Use my location"
// fills in the coordinates from the browser (only when the person asks), and
// the form says which time zone the person is in, so results can show times
// in their time as well as the meeting's.
(function () {
  "use strict";
  var form = document.getElementById("finder");
  if (!form) return;
  var tz = document.getElementById("tz");
  try {
    tz.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
  } catch (e) {
    tz.value = "";
  }
  if (!("geolocation" in navigator)) return;
  var locate = form.querySelector(".locate");
  var button = document.getElementById("use-my-location");
  var status = document.getElementById("location-status");
  locate.hidden = false;
  button.addEventListener("click", function () {
    status.textContent = button.dataset.finding || "";
    navigator.geolocation.getCurrentPosition(
      function (position) {
        document.getElementById("lat").value = position.coords.latitude.toFixed(5);
        document.getElementById("lng").value = position.coords.longitude.toFixed(5);
        var radius = document.getElementById("radius_km");
        if (!radius.value) radius.value = "25";
        form.submit();
      },
      function () {
        status.textContent = button.dataset.failed || "";
      },
      { maximumAge: 600000, timeout: 15000 }
    );
  });
})();
