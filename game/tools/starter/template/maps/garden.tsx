<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="garden" tilewidth="32" tileheight="32" tilecount="3" columns="3">
 <image source="../images/tiles/garden.png" width="96" height="32"/>
 <!-- hedge: the player cannot walk through it -->
 <tile id="1">
  <properties>
   <property name="collision" type="bool" value="true"/>
  </properties>
 </tile>
</tileset>
