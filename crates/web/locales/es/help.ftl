# «Ayuda inmediata»: líneas de crisis. Las líneas vienen del archivo de líneas
# de crisis del operador, que tiene sus propias traducciones.

help-title = Ayuda inmediata
help-lead = No tienes que enfrentarlo a solas. Si piensas en hacerte daño, o estás en peligro, busca ayuda ahora: estas líneas son gratuitas, confidenciales y atienden de día y de noche.
help-emergency = Si tu vida o la de otra persona corre peligro inmediato, llama al número de emergencias de tu país.
help-elsewhere = ¿Estás en otro lugar? Llama al número de emergencias local, o pídele a alguien de confianza que llame contigo.
